package com.chatsuite.support.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service built on service-support, for its integration tests.
 */
@SpringBootApplication
public class SampleApplication {

}
