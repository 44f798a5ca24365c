package cn.qinglang.inspect.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.qinglang.inspect.security.PortalUser;

/**
 * The features' {@link ReportRecipe recipes} by name.
 */
@Component
public class ReportRecipes {

	private final Map<String, ReportRecipe> byName;

	ReportRecipes(List<ReportRecipe> recipes) {
		this.byName = recipes.stream().collect(Collectors.toUnmodifiableMap(ReportRecipe::name, Function.identity()));
	}

	/**
	 * The requested document for the user; empty when the user cannot see it or the
	 * recipe is unknown (kept by a version that had it).
	 */
	public Optional<ReportDocument> document(PortalUser user, ReportRecipe.Request request) {
		ReportRecipe recipe = this.byName.get(request.recipe());
		return (recipe != null) ? recipe.document(user, request.parameters()) : Optional.empty();
	}

}
