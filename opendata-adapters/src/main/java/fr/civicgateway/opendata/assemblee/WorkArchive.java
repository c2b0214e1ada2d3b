package fr.civicgateway.opendata.assemblee;

/**
 * The archives of the deputies' record and the Assemblée's work that the gateway refreshes, each kept on disk
 * under its official file name.
 */
public enum WorkArchive {

    COMPTES_RENDUS("assemblee-comptes-rendus", "Comptes rendus", "syseron.xml.zip", "xml/compteRendu/"),
    DOSSIERS("assemblee-dossiers", "Dossiers législatifs", "Dossiers_Legislatifs.json.zip",
            "json/dossierParlementaire/"),
    AGENDA("assemblee-agenda", "Agenda", "Agenda.json.zip", "json/reunion/"),
    HATVP("hatvp-declarations", "HATVP", "liste.csv", null),
    AMENDEMENTS("assemblee-amendements", "Amendements", "Amendements.json.zip", "json/");

    public final String id;
    public final String title;
    public final String fileName;
    /** Where a complete zip has entries; null for a CSV file. */
    final String entries;

    WorkArchive(String id, String title, String fileName, String entries) {
        this.id = id;
        this.title = title;
        this.fileName = fileName;
        this.entries = entries;
    }
}
