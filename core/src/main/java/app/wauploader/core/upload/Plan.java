package app.wauploader.core.upload;

import app.wauploader.core.plan.Route;
import java.util.Optional;

/**
 * What the planner decided for one file, as a front end shows it (one line per file in a dry run).
 *
 * @param outcome {@link Outcome#PLANNED} (would be sent), {@link Outcome#DUPLICATE}, {@link
 *     Outcome#UNCHANGED}, {@link Outcome#SKIPPED}, {@link Outcome#WAITING}, {@link Outcome#LOCKED},
 *     …
 * @param route where it goes (Photos album / Drive folder and name), for planned files
 * @param duplicateOf where the same content already is or is being sent from, for duplicates
 */
public record Plan(Outcome outcome, Optional<Route> route, Optional<String> duplicateOf) {}
