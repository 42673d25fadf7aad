namespace Pipectl.Aws.Tests.Wire;

/// <summary>Asserts that a recorded request conforms to the official model of its operation.</summary>
public static class ModelAssert
{
    /// <summary>A JSON request (1.0 or 1.1, as the model says): target, content type and body against the model's input shape.</summary>
    public static void JsonRequestConforms(string service, string operation, RecordedRequest request)
    {
        var model = BotocoreModels.Load(service);
        var prefix = model.Metadata.GetProperty("targetPrefix").GetString();
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{prefix}.{operation}", request.Target);
        Assert.Equal($"application/x-amz-json-{model.Metadata.GetProperty("jsonVersion").GetString()}", request.ContentType?.Split(';')[0].Trim());
        var errors = model.ValidateJson(operation, request.BodyText);
        Assert.True(errors.Count == 0, $"{service}.{operation} body does not match the model:\n  {string.Join("\n  ", errors)}\nbody: {request.BodyText}");
    }

    /// <summary>A Query request: form content type, Action, Version and parameters against the model.</summary>
    public static void QueryRequestConforms(string service, string operation, RecordedRequest request)
    {
        var model = BotocoreModels.Load(service);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
        var errors = model.ValidateQuery(operation, request.Form);
        Assert.True(errors.Count == 0, $"{service}.{operation} parameters do not match the model:\n  {string.Join("\n  ", errors)}\nbody: {request.BodyText}");
    }

    /// <summary>The SigV4 scope: the service's signing name and region.</summary>
    public static void SignedFor(RecordedRequest request, string service, string region)
    {
        Assert.Equal((region, service), request.SigningScope);
    }
}
