namespace SmartCity.Twin.Detectors;

/// <summary>
/// An in-place iterative radix-2 FFT of one fixed power-of-two length with its twiddles and bit-reversal table computed
/// once, so the streaming Spectral Residual transforms its window twice per point without allocating. The batch
/// <see cref="SpectralResidual.Saliency(ReadOnlySpan{double})"/> uses MathNet's FFT, which takes any length.
/// </summary>
internal sealed class RadixTwoFourier
{
    private readonly int _length;
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly int[] _reversed;

    public RadixTwoFourier(int length)
    {
        if (length < 2 || (length & (length - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The FFT length must be a power of two, at least 2.");
        }

        _length = length;
        _cos = new double[length / 2];
        _sin = new double[length / 2];
        for (var k = 0; k < length / 2; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / length);
            _sin[k] = -Math.Sin(2 * Math.PI * k / length);
        }

        _reversed = new int[length];
        var bits = System.Numerics.BitOperations.Log2((uint)length);
        for (var i = 0; i < length; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _reversed[i] = r;
        }
    }

    /// <summary>X[f] = Σₜ x[t]·e^(−2πi·f·t/n), unscaled.</summary>
    public void Forward(Span<double> re, Span<double> im) => Transform(re, im, 1);

    /// <summary>x[t] = (1/n)·Σ_f X[f]·e^(2πi·f·t/n).</summary>
    public void Inverse(Span<double> re, Span<double> im)
    {
        Transform(re, im, -1);
        var scale = 1.0 / _length;
        for (var i = 0; i < _length; i++)
        {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    private void Transform(Span<double> re, Span<double> im, int direction)
    {
        var n = _length;
        for (var i = 0; i < n; i++)
        {
            var j = _reversed[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var size = 2; size <= n; size <<= 1)
        {
            var half = size >> 1;
            var step = n / size;
            for (var start = 0; start < n; start += size)
            {
                for (var k = 0; k < half; k++)
                {
                    var wr = _cos[k * step];
                    var wi = direction * _sin[k * step];
                    var a = start + k;
                    var b = a + half;
                    var tr = (wr * re[b]) - (wi * im[b]);
                    var ti = (wr * im[b]) + (wi * re[b]);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
