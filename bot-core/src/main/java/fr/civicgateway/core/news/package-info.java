/**
 * The town hall's news: the port {@link fr.civicgateway.core.news.TownNews} (RSS and Atom feeds read by the
 * {@code opendata.local} adapters) and the {@code local_news} answer.
 */
package fr.civicgateway.core.news;
