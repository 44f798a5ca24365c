package cn.qinglang.inspect.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.qinglang.inspect.catalog.Severity;

/**
 * A finding as the inspector records it; severity and legal basis default to the catalog
 * item's.
 */
record FindingForm(@NotNull Long catalogItemId, @NotBlank @Size(max = 4000) String description, Severity severity,
		@Size(max = 500) String legalBasis, Long recurrenceOfFindingId) {
}
