package cn.qinglang.inspect.enterprise;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator enters for an enterprise. Markup is refused outright: names end
 * up in reports and official documents.
 */
record EnterpriseForm(
		@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9-]*",
				message = "{enterprise.code.pattern}") String code,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[^<>]*", message = "{validation.noMarkup}") String nameZh,
		@Size(max = 200) @Pattern(regexp = "[^<>]*", message = "{validation.noMarkup}") String nameEn,
		@NotBlank @ValidCreditCode String creditCode, @NotNull EnterpriseKind kind,
		@Size(max = 64) @Pattern(regexp = "[^<>]*", message = "{validation.noMarkup}") String algorithmFilingNo,
		@NotBlank String jurisdictionCode, @NotNull EnterpriseStatus status) {

	static EnterpriseForm empty() {
		return new EnterpriseForm("", "", "", "", null, "", "", EnterpriseStatus.ACTIVE);
	}

	static EnterpriseForm of(Enterprise enterprise) {
		return new EnterpriseForm(enterprise.code(), enterprise.nameZh(), enterprise.nameEn(), enterprise.creditCode(),
				enterprise.kind(), enterprise.algorithmFilingNo(), enterprise.jurisdiction().code(),
				enterprise.status());
	}

	/** Blanks stripped, empty optional fields as null, the credit code in upper case. */
	EnterpriseForm normalized() {
		return new EnterpriseForm(this.code.strip(), this.nameZh.strip(), blankToNull(this.nameEn),
				CreditCode.normalize(this.creditCode), this.kind, blankToNull(this.algorithmFilingNo),
				this.jurisdictionCode, this.status);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
