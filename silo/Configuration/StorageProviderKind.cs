namespace SmartCity.Twin.Silo.Configuration;

/// <summary>Where grain state and reminders live. The same provider serves both, so a restart sees one consistent store.</summary>
internal enum StorageProviderKind
{
    Sqlite,
    Postgres,
    Memory,
}
