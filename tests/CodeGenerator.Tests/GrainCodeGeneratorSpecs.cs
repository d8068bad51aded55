namespace SmartCity.Twin.Runtime.CodeGenerator.Tests;

public sealed class GrainCodeGeneratorSpecs
{
    private const string Usings = "using System.Threading.Tasks; using SmartCity.Twin.Runtime;\n";

    [Fact]
    public void A_valid_grain_interface_and_class_compile_with_a_proxy_a_request_per_method_and_a_registration()
    {
        var run = GeneratorRun.Of(Usings + """
            namespace City;
            public interface IDeviceTwin : IGrainWithStringKey { [ReadOnly] Task<string> GetName(); }
            public interface ICameraTwin : IDeviceTwin { [OneWay] Task ReportMotion(int zone, double confidence); ValueTask<int> CountEvents(); Task Reset(); }
            public sealed class CameraState { public int Events { get; set; } }
            [GrainType("camera")]
            public sealed class CameraTwinGrain([PersistentState("twin")] IPersistentState<CameraState> state) : Grain, ICameraTwin
            {
                public Task<string> GetName() => Task.FromResult("cam");
                public Task ReportMotion(int zone, double confidence) { state.State.Events++; return Task.CompletedTask; }
                public ValueTask<int> CountEvents() => new(state.State.Events);
                public Task Reset() => state.ClearStateAsync();
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains("class Proxy_City_ICameraTwin", run.GeneratedCode, StringComparison.Ordinal);
        Assert.Contains("OneWayRequest", run.GeneratedCode, StringComparison.Ordinal);
        Assert.Contains("RequestFlags.ReadOnly", run.GeneratedCode, StringComparison.Ordinal);
        Assert.Contains("GrainType = \"camera\"", run.GeneratedCode, StringComparison.Ordinal);
        Assert.Contains("GetPersistentState<global::City.CameraState>(\"twin\", null)", run.GeneratedCode, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Reflection", run.GeneratedCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_grain_type_attribute_the_type_name_is_the_class_name_without_Grain_in_kebab_case()
    {
        var run = GeneratorRun.Of(Usings + """
            public interface IServiceCounterTwin : IGrainWithStringKey { Task Open(); }
            public sealed class ServiceCounterTwinGrain : Grain, IServiceCounterTwin { public Task Open() => Task.CompletedTask; }
            """);

        Assert.Contains("GrainType = \"service-counter-twin\"", run.GeneratedCode, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int Count();", "SCT001")]
    [InlineData("[OneWay] Task<int> Count();", "SCT002")]
    [InlineData("Task Pick<T>(T item);", "SCT004")]
    [InlineData("Task Read(ref int value);", "SCT005")]
    public void A_grain_method_the_runtime_cannot_call_is_a_compile_error_naming_the_method(string method, string diagnosticId)
    {
        var run = GeneratorRun.Of(Usings + "public interface IFireAlarmTwin : IGrainWithStringKey { " + method + " }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(diagnosticId, diagnostic.Id);
        Assert.Contains("IFireAlarmTwin.", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_generic_grain_interface_is_a_compile_error()
    {
        var run = GeneratorRun.Of(Usings + "public interface ISensorTwin<T> : IGrainWithStringKey { Task Report(T value); }");

        Assert.Equal("SCT003", Assert.Single(run.GeneratorDiagnostics).Id);
    }
}
