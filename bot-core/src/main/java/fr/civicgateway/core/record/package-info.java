/**
 * A deputy's record beyond votes — interventions and questions in séance, committee presence, bills, declarations
 * to the HATVP — answered from the {@link fr.civicgateway.core.parliament.work.AssemblyWork} port, each figure with
 * its source, the date its data goes to and its method (API.md §5, docs/journalists/methodology.md).
 */
package fr.civicgateway.core.record;
