using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("SmartCity.Twin.Runtime")]
