package org.tokenomics.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tokenomics.Model;

/**
 * The compiled models the page is working with, by id. A slider move sends only the id and the
 * overrides, so the model is compiled once per edit, not once per move. The oldest are dropped
 * beyond {@link #CAPACITY} (the page then compiles again).
 */
final class Models {
  /** Enough for a few tabs editing at once; a model of the limit's size is a few MB. */
  static final int CAPACITY = 16;

  /** A compiled model with what the page needs about it. */
  record Entry(String id, String file, Model model, org.tokenomics.check.CompiledModel checked,
               List<Insight.Slider> sliders) {}

  private final AtomicLong next = new AtomicLong(1);
  private final Map<String, Entry> byId = new LinkedHashMap<>(32, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized Entry add(String file, Model model, org.tokenomics.check.CompiledModel checked,
                         List<Insight.Slider> sliders) {
    String id = "m" + next.getAndIncrement();
    Entry e = new Entry(id, file, model, checked, sliders);
    byId.put(id, e);
    return e;
  }

  /** The model with this id, or null when it was never made or has been dropped. */
  synchronized Entry get(String id) {
    return id == null ? null : byId.get(id);
  }
}
