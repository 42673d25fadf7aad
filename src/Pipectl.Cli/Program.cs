using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;

// First: give the SDK its SSO/SSOOIDC/STS clients (needed under Native AOT; only stores factories).
SdkRuntimeDependencies.Register();
Pipectl.Core.Diagnostics.RunTrace.Mark("main entered");
return await CliApp.RunAsync(args, CliConsole.FromProcess(), CancellationToken.None).ConfigureAwait(false);
