package app.wauploader.emulator.faults;

import app.wauploader.emulator.http.ApiRoute;
import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The armed fault rules, in the order they were added. A request is matched against the first rule
 * that targets its route and still has uses; each matching request uses one. Rules that wait for
 * body bytes ({@code afterBytes > 0}) are used only when they actually fire, and are skipped for
 * requests without a body. Thread-safe.
 */
public final class FaultPlan {

  /** A rule with its remaining uses. */
  public static final class ArmedRule {
    private final FaultRule rule;
    private int remaining;

    private ArmedRule(FaultRule rule) {
      this.rule = rule;
      this.remaining = rule.times();
    }

    public FaultRule rule() {
      return rule;
    }

    /** Uses taken so far (the first use sees 1). */
    public synchronized int usesTaken() {
      return rule.times() - remaining;
    }
  }

  /**
   * The rule chosen for a request.
   *
   * @param armed the rule and its counter
   * @param used true when a use was already taken (every rule but byte-triggered ones)
   */
  public record Selection(ArmedRule armed, boolean used) {
    public FaultRule rule() {
      return armed.rule();
    }
  }

  private final List<ArmedRule> rules = new ArrayList<>();

  /** Appends rules. */
  public synchronized void add(List<FaultRule> newRules) {
    newRules.forEach(rule -> rules.add(new ArmedRule(rule)));
  }

  /** Removes every rule. */
  public synchronized void clear() {
    rules.clear();
  }

  /** The rules with uses left, as JSON with {@code times} = uses left. */
  public synchronized JsonArray toJson() {
    JsonArray array = new JsonArray();
    rules.forEach(armed -> array.add(armed.rule.toJson(armed.remaining)));
    return array;
  }

  /**
   * Chooses the rule for a request of {@code api}; takes one use unless the rule is byte-triggered.
   *
   * @param bodyKnownEmpty true when the request has no body (byte-triggered rules cannot fire)
   */
  public synchronized Optional<Selection> select(ApiRoute api, boolean bodyKnownEmpty) {
    for (ArmedRule armed : rules) {
      if (armed.remaining <= 0 || !armed.rule.targets(api)) {
        continue;
      }
      if (armed.rule.isByteTriggered()) {
        if (bodyKnownEmpty) {
          continue;
        }
        return Optional.of(new Selection(armed, false));
      }
      use(armed);
      return Optional.of(new Selection(armed, true));
    }
    return Optional.empty();
  }

  /** Takes one use of a byte-triggered rule as it fires; false when it has none left. */
  public synchronized boolean tryUse(ArmedRule armed) {
    if (armed.remaining <= 0) {
      return false;
    }
    use(armed);
    return true;
  }

  private void use(ArmedRule armed) {
    armed.remaining--;
    if (armed.remaining == 0) {
      for (Iterator<ArmedRule> it = rules.iterator(); it.hasNext(); ) {
        if (it.next() == armed) {
          it.remove();
          break;
        }
      }
    }
  }
}
