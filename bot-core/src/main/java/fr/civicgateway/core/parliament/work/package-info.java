/**
 * A deputy's whole record and the Assemblée's work, beyond votes: interventions and questions in séance (from the
 * comptes rendus), committee presence and the sittings' agenda (from the agenda), bills and their stages (from
 * the dossiers législatifs), declarations to the HATVP and, when the live archive is read, amendments. The figures
 * are computed once per data version by the adapter, following {@code docs/API.md} §5; the port
 * {@link fr.civicgateway.core.parliament.work.AssemblyWork} only reads them. Every figure carries its
 * {@link fr.civicgateway.core.parliament.work.Provenance}: source link, the date its data goes to, its method.
 */
package fr.civicgateway.core.parliament.work;
