namespace SmartCity.Twin.Grains.Access;

/// <summary>What a signed-in operator may do. Viewer reads; Operator also commands devices and handles alerts; Admin does everything.</summary>
public enum OperatorRole
{
    Viewer,
    Operator,
    Admin,
}
