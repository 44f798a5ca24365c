package cn.qinglang.labelcheck;

import java.util.Map;

/**
 * An implicit label as found in a file.
 *
 * @param location where, e.g. {@code PNG tEXt AIGC} or {@code XMP TC260:AIGC}
 * @param standardPlace whether GB 45438-2025 Annex E names this place for the format
 * @param raw the value as stored (clipped for display)
 * @param fields the parsed JSON object, or null when the value is not one
 */
public record FoundLabel(String location, boolean standardPlace, String raw, Map<String, Object> fields) {
}
