namespace SmartCity.Twin.Detectors;

/// <summary>
/// Singular spectrum analysis of one training window, reduced to the linear recurrence that forecasts the next point
/// (Golyandina et al., "Analysis of Time Series Structure: SSA and Related Techniques", ch. 2):
/// <list type="number">
/// <item>embed the N points in the L×K trajectory matrix X (K = N − L + 1, column k = points k … k + L − 1);</item>
/// <item>eigen-decompose the lag-covariance S = XXᵀ (its eigenvectors are X's left singular vectors);</item>
/// <item>keep the r leading eigenvectors U₁…U_r: r is the rank below L/2 with the largest eigenvalue gap λ_r/λ_{r+1}, the
/// point where signal components give way to the noise floor (a pure sinusoid is rank 2, a line rank 2, a level rank 1);</item>
/// <item>with π the last coordinates of the Uᵢ and ν² = Σπᵢ², the recurrence is R = Σ πᵢ·Uᵢ(first L − 1) / (1 − ν²).</item>
/// </list>
/// Work arrays are allocated once per forecaster, so a fit allocates nothing.
/// </summary>
internal sealed class SsaForecaster
{
    private readonly int _window;
    private readonly double[] _lagged;
    private readonly double[] _vectors;
    private readonly double[] _values;
    private readonly int[] _order;

    public SsaForecaster(int window)
    {
        _window = window;
        _lagged = new double[window * window];
        _vectors = new double[window * window];
        _values = new double[window];
        _order = new int[window];
    }

    /// <summary>Fits <paramref name="series"/> (time order) and writes the L − 1 recurrence coefficients; returns the rank used.</summary>
    public int Fit(ReadOnlySpan<double> series, Span<double> coefficients)
    {
        var l = _window;
        var k = series.Length - l + 1;
        FillLagCovariance(series, k);
        SymmetricEigen.Decompose(_lagged, l, _vectors, _values);
        SortDescending();
        coefficients[..(l - 1)].Clear();
        var largest = _values[_order[0]];
        if (largest <= 0)
        {
            // An all-zero window: the recurrence of zeros forecasts zero.
            return 0;
        }

        var rank = ChooseRank(largest);
        var verticality = 0.0;
        for (var r = 0; r < rank; r++)
        {
            var pi = _vectors[((l - 1) * l) + _order[r]];
            verticality += pi * pi;
        }

        if (verticality > 1 - 1e-9)
        {
            // The signal space contains the last coordinate axis: no recurrence exists; forecast the last value.
            coefficients[l - 2] = 1;
            return rank;
        }

        for (var r = 0; r < rank; r++)
        {
            var column = _order[r];
            var pi = _vectors[((l - 1) * l) + column];
            for (var j = 0; j < l - 1; j++)
            {
                coefficients[j] += pi * _vectors[(j * l) + column] / (1 - verticality);
            }
        }

        return rank;
    }

    /// <summary>
    /// S[i, j] = Σₖ x[i + k]·x[j + k] over the K columns: the first row directly (O(L·K)), every other entry from its
    /// upper-left neighbour by adding the entering product and removing the leaving one (O(L²)).
    /// </summary>
    private void FillLagCovariance(ReadOnlySpan<double> x, int k)
    {
        var l = _window;
        for (var j = 0; j < l; j++)
        {
            var sum = 0.0;
            for (var c = 0; c < k; c++)
            {
                sum += x[c] * x[j + c];
            }

            _lagged[j] = sum;
            _lagged[j * l] = sum;
        }

        for (var i = 1; i < l; i++)
        {
            for (var j = i; j < l; j++)
            {
                var value = _lagged[((i - 1) * l) + j - 1] + (x[i - 1 + k] * x[j - 1 + k]) - (x[i - 1] * x[j - 1]);
                _lagged[(i * l) + j] = value;
                _lagged[(j * l) + i] = value;
            }
        }
    }

    private void SortDescending()
    {
        for (var i = 0; i < _window; i++)
        {
            _order[i] = i;
        }

        for (var i = 1; i < _window; i++)
        {
            var current = _order[i];
            var j = i - 1;
            while (j >= 0 && _values[_order[j]] < _values[current])
            {
                _order[j + 1] = _order[j];
                j--;
            }

            _order[j + 1] = current;
        }
    }

    private int ChooseRank(double largest)
    {
        var limit = Math.Max(1, _window / 2);
        var floor = 1e-10 * largest;
        var best = 1;
        var bestGap = 0.0;
        for (var r = 1; r <= limit; r++)
        {
            var next = r < _window ? _values[_order[r]] : 0;
            if (next <= floor)
            {
                // The rest is numerically zero: an exactly low-rank window.
                return r;
            }

            var gap = _values[_order[r - 1]] / next;
            if (gap > bestGap)
            {
                bestGap = gap;
                best = r;
            }
        }

        return best;
    }
}
