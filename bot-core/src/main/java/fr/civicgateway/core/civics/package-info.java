/**
 * The citizen and the institution: how to reach one's deputy through the channels the Assemblée publishes
 * ({@code contact_representative}), and short answers on how the Assemblée works, each from the Assemblée's own
 * explanatory page ({@code assembly_info}). Nothing here keeps anything about the citizen.
 */
package fr.civicgateway.core.civics;
