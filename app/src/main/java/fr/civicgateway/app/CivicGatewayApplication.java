package fr.civicgateway.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "fr.civicgateway")
public class CivicGatewayApplication {
    public static void main(String[] args) {
        SpringApplication.run(CivicGatewayApplication.class, args);
    }
}
