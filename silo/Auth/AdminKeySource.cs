namespace SmartCity.Twin.Silo.Auth;

/// <summary>Where the admin key came from; decides what the silo tells the operator at start.</summary>
internal enum AdminKeySource
{
    /// <summary><c>Auth:AdminKey</c> was set.</summary>
    Configured,

    /// <summary>No key was configured or stored: one was generated and stored now.</summary>
    Generated,

    /// <summary>Read back from the data folder, where an earlier start stored it.</summary>
    Stored,
}
