namespace SmartCity.Twin.Detectors;

/// <summary>Settings of <see cref="SpectralResidualDetector"/>; symbols as in Ren et al. (KDD 2019).</summary>
public sealed class SpectralResidualOptions
{
    /// <summary>
    /// The FFT length: the last <c>WindowSize − ExtrapolatedPoints</c> points plus the extrapolated tail. A power of two
    /// from 16 to 1024. Default 64.
    /// </summary>
    public int WindowSize { get; set; } = 64;

    /// <summary>κ: extrapolated points appended after the newest point, 1 to WindowSize/4. Default 5.</summary>
    public int ExtrapolatedPoints { get; set; } = SpectralResidual.DefaultExtrapolatedPoints;

    /// <summary>q: the moving average's width over the log-amplitude spectrum, odd, 1 to 15. Default 3.</summary>
    public int AveragingWindow { get; set; } = SpectralResidual.DefaultAveragingWindow;

    /// <summary>z: how many preceding saliency values the newest is compared with, at least 2. Default 21.</summary>
    public int LocalAverageWindow { get; set; } = 21;

    /// <summary>τ: a point is anomalous when (S − S̄)/S̄ exceeds this, positive. Default 3.</summary>
    public double Threshold { get; set; } = 3;

    internal void Validate()
    {
        if (WindowSize is < 16 or > 1024 || (WindowSize & (WindowSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(WindowSize), WindowSize, "The window is a power of two from 16 to 1024, e.g. 64.");
        }

        if (ExtrapolatedPoints < 1 || ExtrapolatedPoints > WindowSize / 4)
        {
            throw new ArgumentOutOfRangeException(nameof(ExtrapolatedPoints), ExtrapolatedPoints, $"Extrapolate 1 to {WindowSize / 4} points for a window of {WindowSize}.");
        }

        if (AveragingWindow is < 1 or > 15 || AveragingWindow % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AveragingWindow), AveragingWindow, "The spectral averaging window is odd, from 1 to 15.");
        }

        if (LocalAverageWindow < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(LocalAverageWindow), LocalAverageWindow, "Compare with at least 2 preceding saliency values.");
        }

        if (!(Threshold > 0 && double.IsFinite(Threshold)))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "The saliency threshold is a positive number, e.g. 3.");
        }
    }
}
