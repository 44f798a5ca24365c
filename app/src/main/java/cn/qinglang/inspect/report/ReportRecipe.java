package cn.qinglang.inspect.report;

import java.util.Map;
import java.util.Optional;

import cn.qinglang.inspect.security.PortalUser;

/**
 * How a feature builds one of its reports from a few parameters, for a user: what a
 * background export keeps, so that whichever node runs it (the one it was queued on, or
 * another once that one died) builds the same document, in the owner's scope as it is
 * then. A feature declares one bean per report it delivers.
 */
public interface ReportRecipe {

	/** The name kept with an export, unique among the recipes, e.g. {@code bulletin}. */
	String name();

	/**
	 * The document for the user, or empty when the user cannot see it (any more).
	 * @param parameters what {@link Request#parameters()} kept
	 */
	Optional<ReportDocument> document(PortalUser user, Map<String, String> parameters);

	/** This recipe with its parameters. */
	default Request with(Map<String, String> parameters) {
		return new Request(name(), parameters);
	}

	/**
	 * A report to build: the recipe's name and its parameters, kept as JSON with a queued
	 * export.
	 */
	record Request(String recipe, Map<String, String> parameters) {

		public Request {
			parameters = Map.copyOf(parameters);
		}

	}

}
