package cn.qinglang.inspect;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Qinglang Inspect: the regulator's portal for the AI-content labeling campaign.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QinglangInspectApplication {

	public static void main(String[] args) {
		SpringApplication.run(QinglangInspectApplication.class, args);
	}

}
