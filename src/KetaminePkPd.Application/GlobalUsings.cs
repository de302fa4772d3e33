// The namespaces most of the application layer uses, in one place (a file then starts with its own rare ones, if any).
global using System.Collections.Immutable;
global using System.Globalization;
global using System.Text.Json;
global using System.Text.Json.Serialization;
global using KetaminePkPd.HypothesisTesting;
global using KetaminePkPd.Sensitivity;
global using KetaminePkPd.Statistics;
global using KetaminePkPd.Trials;
