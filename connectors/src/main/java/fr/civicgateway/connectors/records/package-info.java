/**
 * The read-only public records API ({@code GET /api/v1/deputies}, {@code /scrutins}, {@code /groups},
 * {@code /dossiers}): the same figures the chat answers with, from the same core computations (participation,
 * the record ports, vote alignments), presented as JSON or CSV with their source, the date of their data and the
 * link to their method. Documented by springdoc (OpenAPI 3.1, Swagger UI at {@code /api/docs}) and for journalists in
 * docs/journalists/records-api.md.
 */
package fr.civicgateway.connectors.records;
