package fr.civicgateway.core.nlu;

/** One intent with the classifier's confidence, between 0 and 1. */
public record IntentScore(Intent intent, double confidence) {
}
