package cn.qinglang.inspect.inspection;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

record InspectionForm(@NotNull InspectionKind kind,
		@NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
		@NotBlank @Size(max = 200) @Pattern(regexp = "[^<>]*", message = "{validation.noMarkup}") String inspectors,
		@NotBlank @Size(max = 2000) String scope) {
}
