package cn.qinglang.inspect.rectification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms of the rectification loop.
 */
final class Forms {

	private Forms() {
	}

	record IssueOrder(@NotEmpty List<Long> findingIds,
			@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@NotNull Disposition disposition, @DecimalMin("0.01") BigDecimal fineAmount,
			@NotEmpty List<@Size(max = 500) String> measures) {
	}

	record SubmitEvidence(@NotBlank @Size(max = 8000) String statement,
			@NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate) {
	}

	record Review(@NotBlank @Pattern(regexp = "ACCEPTED|RETURNED") String outcome, @Size(max = 4000) String comment) {
	}

	record RequestExtension(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedDeadline,
			@NotBlank @Size(max = 4000) String reason) {
	}

	record DecideExtension(@NotBlank @Pattern(regexp = "GRANTED|REFUSED") String decision,
			@Size(max = 4000) String comment) {
	}

}
