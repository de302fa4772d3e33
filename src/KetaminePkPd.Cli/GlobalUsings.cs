// The namespaces every command uses, in one place (a command file then starts with its own rare ones, if any).
global using System.CommandLine;
global using System.Globalization;
global using KetaminePkPd.Application;
global using KetaminePkPd.Application.Reporting;
global using KetaminePkPd.Cli.Commands;
global using KetaminePkPd.Cli.Output;
global using KetaminePkPd.Comparisons;
global using KetaminePkPd.HypothesisTesting;
global using KetaminePkPd.Pharmacodynamics;
global using KetaminePkPd.Pharmacokinetics;
global using KetaminePkPd.Plotting;
global using KetaminePkPd.Sensitivity;
global using KetaminePkPd.Trials;
