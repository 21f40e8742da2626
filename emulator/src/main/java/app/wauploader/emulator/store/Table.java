package app.wauploader.emulator.store;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * One table of {@link EmulatorState}: rows keyed by id in insertion order, remembering which keys
 * changed since the store last journaled them. Not thread-safe: used under the store's lock.
 *
 * @param <V> the row type (an immutable record)
 */
public final class Table<V> {
  private final String name;
  private final Class<V> rowType;
  private final LinkedHashMap<String, V> rows = new LinkedHashMap<>();
  private final Set<String> changed = new LinkedHashSet<>();

  Table(String name, Class<V> rowType) {
    this.name = name;
    this.rowType = rowType;
  }

  /** The table's name in {@code state.json} and the journal. */
  String name() {
    return name;
  }

  Class<V> rowType() {
    return rowType;
  }

  /** The row with this key, or null. */
  public V get(String key) {
    return rows.get(key);
  }

  public boolean containsKey(String key) {
    return rows.containsKey(key);
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public int size() {
    return rows.size();
  }

  /** Inserts or replaces a row; a new key goes last. @return the previous row, or null */
  public V put(String key, V row) {
    changed.add(key);
    return rows.put(key, row);
  }

  /** Removes a row. @return the removed row, or null */
  public V remove(String key) {
    V removed = rows.remove(key);
    if (removed != null) {
      changed.add(key);
    }
    return removed;
  }

  /** Removes every row matching {@code filter}. */
  public void removeIf(Predicate<V> filter) {
    for (Iterator<Map.Entry<String, V>> it = rows.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, V> entry = it.next();
      if (filter.test(entry.getValue())) {
        changed.add(entry.getKey());
        it.remove();
      }
    }
  }

  /** Replaces each row by {@code update(key, row)}; rows it returns unchanged are not marked. */
  public void replaceAll(BiFunction<String, V, V> update) {
    for (Map.Entry<String, V> entry : rows.entrySet()) {
      V next = update.apply(entry.getKey(), entry.getValue());
      if (next != entry.getValue()) {
        changed.add(entry.getKey());
        entry.setValue(next);
      }
    }
  }

  /** The rows in insertion order, read-only. */
  public Collection<V> values() {
    return Collections.unmodifiableCollection(rows.values());
  }

  /** Every row by key, read-only (for snapshots). */
  Map<String, V> rows() {
    return Collections.unmodifiableMap(rows);
  }

  /** Loads a row without marking it changed (snapshot and journal replay). */
  void load(String key, V row) {
    if (row == null) {
      rows.remove(key);
    } else {
      rows.put(key, row);
    }
  }

  /** The keys changed since the last call, with their current rows (null = deleted). */
  Map<String, V> drainChanges() {
    Map<String, V> out = new LinkedHashMap<>();
    for (String key : changed) {
      out.put(key, rows.get(key));
    }
    changed.clear();
    return out;
  }
}
