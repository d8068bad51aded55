using Microsoft.CodeAnalysis;

namespace SmartCity.Twin.Runtime.CodeGenerator;

internal static class Diagnostics
{
    private const string Category = "SmartCity.Twin.Grains";

    public static readonly DiagnosticDescriptor InvalidReturnType = new(
        "SCT001", "Grain method must return a task", "Grain method {0} must return Task, Task<T>, ValueTask or ValueTask<T>", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor OneWayWithResult = new(
        "SCT002", "One-way method cannot return a result", "[OneWay] method {0} must return Task or ValueTask: nobody waits for its result", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GenericGrainInterface = new(
        "SCT003", "Generic grain interfaces are not supported", "Grain interface {0} cannot be generic", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GenericMethod = new(
        "SCT004", "Generic grain methods are not supported", "Grain method {0} cannot be generic", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor RefParameter = new(
        "SCT005", "Grain methods cannot take ref, out or in parameters", "Grain method {0} cannot take ref, out or in parameters: arguments are copied into a message", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor GenericGrainClass = new(
        "SCT006", "Generic grain classes are not supported", "Grain class {0} cannot be generic", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor NoConstructor = new(
        "SCT007", "Grain class needs an accessible constructor", "Grain class {0} needs a public or internal constructor", Category, DiagnosticSeverity.Error, true);
}
