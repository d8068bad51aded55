using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartCity.Twin.Silo.Tests.Mqtt;

/// <summary>A silo that also serves MQTT over TLS, with a self-signed certificate for 127.0.0.1 made for the test.</summary>
public sealed class TlsSiloFixture : MqttSiloFixture
{
    private const string CertificatePassword = "tls-fixture-password";

    private readonly TempDataFolder _certificates = new();

    public int TlsPort { get; } = SiloProcess.FreePort();

    /// <summary>The certificate in PEM, for clients to trust (<c>mosquitto_pub --cafile</c>).</summary>
    public string CertificateAuthorityFile => Path.Combine(_certificates.Path, "ca.pem");

    private string PfxFile => Path.Combine(_certificates.Path, "silo.pfx");

    public override async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        await File.WriteAllBytesAsync(PfxFile, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        await File.WriteAllTextAsync(CertificateAuthorityFile, certificate.ExportCertificatePem());
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _certificates.Dispose();
    }

    protected override IEnumerable<string> ExtraArguments() =>
    [
        "--Mqtt:TlsPort", TlsPort.ToString(CultureInfo.InvariantCulture),
        "--Mqtt:CertificatePath", PfxFile,
        "--Mqtt:CertificatePassword", CertificatePassword,
    ];
}
