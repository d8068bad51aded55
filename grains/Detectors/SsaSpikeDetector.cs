namespace SmartCity.Twin.Detectors;

/// <summary>
/// Spike detection on forecast residuals, as ML.NET's <c>DetectSpikeBySsa</c>: an SSA model (<see cref="SsaForecaster"/>)
/// fitted on the last <see cref="SsaSpikeOptions.TrainingWindowSize"/> points forecasts each point one step ahead; the
/// residual (value − forecast) gets a kernel-density p-value against the recent residuals. Seasonal and trending series
/// thus alert on departures from their own pattern rather than on their daily peaks. The model is refitted every
/// <see cref="SsaSpikeOptions.RefitInterval"/> points. Scores once the first fit has half a residual history.
/// </summary>
public sealed class SsaSpikeDetector : IStreamingDetector
{
    private readonly double _alpha;
    private readonly SsaSpikeOptions _options;
    private readonly SsaForecaster _forecaster;
    private readonly double[] _window;
    private readonly int _warmUp;

    public SsaSpikeDetector(SsaSpikeOptions options, SsaDetectorState? state = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _alpha = PValues.Alpha(options.Confidence, nameof(options.Confidence));
        _warmUp = Math.Max(2, options.PValueHistoryLength / 2);
        _forecaster = new SsaForecaster(options.SeasonalityWindowSize);
        _window = new double[options.TrainingWindowSize];
        State = state ?? new SsaDetectorState();
        State.History = Ring.Ensure(State.History, options.TrainingWindowSize, "training window");
        State.Residuals = Ring.Ensure(State.Residuals, options.PValueHistoryLength, "residual history");
        if (State.Coefficients.Length is not 0 && State.Coefficients.Length != options.SeasonalityWindowSize - 1)
        {
            throw new ArgumentException($"The stored SSA model has {State.Coefficients.Length} coefficients but the seasonality window asks for {options.SeasonalityWindowSize - 1}; start from a fresh state after changing the options.", nameof(state));
        }

        if (State.Count < 0 || State.ResidualCount < 0)
        {
            throw new ArgumentException("The stored point counts are negative.", nameof(state));
        }
    }

    /// <summary>The detector's live state: store it as it is.</summary>
    public SsaDetectorState State { get; }

    /// <summary>The one-step forecast of the next point; NaN until the model is first fitted.</summary>
    public double Forecast()
    {
        var coefficients = State.Coefficients;
        if (coefficients.Length == 0)
        {
            return double.NaN;
        }

        var forecast = 0.0;
        for (var j = 0; j < coefficients.Length; j++)
        {
            forecast += coefficients[j] * Ring.Ago(State.History, State.Count, coefficients.Length - j);
        }

        return forecast;
    }

    public AnomalyScore Next(double value)
    {
        Finite.Check(value);
        var score = new AnomalyScore(0, false, 0.5, 0);
        if (State.Coefficients.Length != 0)
        {
            var residual = value - Forecast();
            var residuals = State.Residuals;
            var filled = Ring.Filled(residuals, State.ResidualCount);
            if (filled >= _warmUp)
            {
                var p = KernelDensity.PValue(residuals.AsSpan(0, filled), residual, _options.Side);
                score = new AnomalyScore(1 - p, p < _alpha, p, 0);
            }

            Ring.Add(residuals, State.ResidualCount, residual);
            State.ResidualCount++;
        }

        Ring.Add(State.History, State.Count, value);
        State.Count++;
        if (State.Count >= _options.TrainingWindowSize && (State.Coefficients.Length == 0 || State.Count - State.FittedAt >= _options.RefitInterval))
        {
            Refit();
        }

        return score;
    }

    private void Refit()
    {
        var history = State.History;
        var n = history.Length;
        var oldest = (int)(State.Count % n);
        history.AsSpan(oldest).CopyTo(_window);
        history.AsSpan(0, oldest).CopyTo(_window.AsSpan(n - oldest));
        if (State.Coefficients.Length == 0)
        {
            // Allocated once, at the first fit, and persisted from then on.
            State.Coefficients = new double[_options.SeasonalityWindowSize - 1];
        }

        State.Rank = _forecaster.Fit(_window, State.Coefficients);
        State.FittedAt = State.Count;
    }
}
