using SmartCity.Twin.Runtime.Reminders;
using SmartCity.Twin.Runtime.Storage;

namespace SmartCity.Twin.Runtime.Testing;

internal sealed record CarriedOverStores(IGrainStorage? Storage, IReminderTable? Reminders);
