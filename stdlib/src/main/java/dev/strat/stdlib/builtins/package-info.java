/**
 * Registrations of the built-in names, one small class per family, each with a
 * {@code register(Registry.Builder)} that {@link dev.strat.stdlib.StandardLibrary} calls. A
 * registration binds a name to its parameter schema, its documentation (which the README reference
 * is generated from, see {@link dev.strat.stdlib.ReferenceDoc}) and a factory building the runtime
 * stage. Factories throw {@link dev.strat.stdlib.BuildException} for argument errors only visible
 * once the market is known.
 */
package dev.strat.stdlib.builtins;
