namespace SmartCity.Twin.Runtime.CodeGeneration;

internal interface IPendingRequestList
{
    void Remove(ResponseRequest request);
}
