using Pipectl.Cli.Hosting;

return await CliApp.RunAsync(args, CliConsole.FromProcess(), CancellationToken.None).ConfigureAwait(false);
