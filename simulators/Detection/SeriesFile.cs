namespace SmartCity.Twin.Simulators.Detection;

/// <summary>An input series and where its scored copy goes: the same relative path under the output folder.</summary>
internal sealed record SeriesFile(string InputPath, string RelativePath, string OutputPath);
