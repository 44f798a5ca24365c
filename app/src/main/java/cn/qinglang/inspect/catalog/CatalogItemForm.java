package cn.qinglang.inspect.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record CatalogItemForm(
		@NotBlank @Size(max = 16) @Pattern(regexp = "[A-Z][A-Z0-9-]*", message = "{catalog.code.pattern}") String code,
		@NotBlank @Size(max = 200) @Pattern(regexp = "[^<>]*", message = "{validation.noMarkup}") String titleZh,
		@NotBlank @Size(max = 300) @Pattern(regexp = "[^<>]*", message = "{validation.noMarkup}") String titleEn,
		@NotBlank @Size(max = 500) @Pattern(regexp = "[^<>]*", message = "{validation.noMarkup}") String legalBasis,
		@NotBlank @Pattern(regexp = "GENERATION_PROVIDER|DISSEMINATION_PLATFORM|ANY") String appliesTo,
		@NotNull Severity defaultSeverity) {

	static CatalogItemForm empty() {
		return new CatalogItemForm("", "", "", "", "ANY", Severity.MEDIUM);
	}

}
