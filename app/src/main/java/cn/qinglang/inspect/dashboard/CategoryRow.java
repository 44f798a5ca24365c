package cn.qinglang.inspect.dashboard;

import java.util.Arrays;
import java.util.List;

import cn.qinglang.batch.records.PlatformInterface.CampaignCategory;
import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;

/** Complaints of one red-line category in the period. */
public record CategoryRow(ComplaintCategory category, long received, long handled) {

	/** The campaign's key category it counts under, or null. */
	public CampaignCategory campaignCategory() {
		return this.category.campaignCategory();
	}

	/**
	 * Complaints by the campaign's four key categories (red lines outside them left out).
	 */
	public static List<CampaignRow> byCampaign(List<CategoryRow> rows) {
		return Arrays.stream(CampaignCategory.values())
			.map((campaign) -> new CampaignRow(campaign,
					rows.stream()
						.filter((row) -> row.campaignCategory() == campaign)
						.mapToLong(CategoryRow::received)
						.sum()))
			.toList();
	}

	/** Complaints received under one of the campaign's key categories. */
	public record CampaignRow(CampaignCategory category, long received) {
	}

}
