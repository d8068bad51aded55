namespace SmartCity.Twin.Api.Tests.Live;

/// <summary>The hub answered an invocation with an error; the message is what the client sees.</summary>
internal sealed class LiveHubException(string message) : Exception(message);
