using Npgsql;

namespace SmartCity.Twin.Runtime.Storage.Tests.Support;

/// <summary>
/// A private schema in the test PostgreSQL database, dropped at the end. The server is not optional: the test command
/// starts it, so a missing connection string is a broken setup and must fail loudly rather than skip.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "TWIN_TEST_POSTGRES";

    public PostgresTestDatabase()
    {
        ConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the PostgreSQL storage tests cannot run. Start the test server with " +
                $"`eval \"$(scripts/postgres.sh)\"` from the repository root (it exports {EnvironmentVariable}) and run the tests again.");
        Schema = "test_" + Guid.NewGuid().ToString("N")[..16];
    }

    public string ConnectionString { get; }

    public string Schema { get; }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
