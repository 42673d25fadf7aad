namespace Pipectl.Core.Policies;

/// <summary>One condition of a policy statement, e.g. <c>Bool / aws:SecureTransport / false</c>.</summary>
/// <param name="Operator">The condition operator, e.g. <c>Bool</c>.</param>
/// <param name="Key">The condition key, e.g. <c>aws:SecureTransport</c>.</param>
/// <param name="Value">The value, written as a JSON string.</param>
public sealed record PolicyCondition(string Operator, string Key, string Value);
