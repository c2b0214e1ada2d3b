package fr.civicgateway.core.parliament;

import java.time.LocalDate;

/**
 * What a loaded parliament data set covers, so that every answer can state the date of its data.
 *
 * @param legislature        e.g. 17
 * @param deputiesDataDate   the latest date found in the deputies' data (mandates, groups)
 * @param firstScrutinDate   the date of the oldest loaded scrutin
 * @param lastScrutinDate    the date of the newest loaded scrutin: "données au ..." for vote answers
 * @param scrutinCount       how many scrutins are loaded
 * @param source             a short human name of the source, e.g. "Assemblée nationale, open data (AMO10, Scrutins)"
 */
public record DataInfo(int legislature, LocalDate deputiesDataDate, LocalDate firstScrutinDate,
                       LocalDate lastScrutinDate, int scrutinCount, String source) {
}
