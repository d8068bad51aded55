namespace SmartCity.Twin.Simulators.Evaluation;

/// <summary>One table of the evaluation report, as text cells: printed on the console and written as Markdown alike.</summary>
internal sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
