package dev.latchkey.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of ARCHITECTURE.md, enforced. Every rule fails when it matches nothing
 * ({@code archunit.failOnEmptyShould=true}), so a renamed package cannot silently disable it.
 */
class ModuleBoundariesTest {

    private static JavaClasses latchkey;

    @BeforeAll
    static void importClasses() {
        latchkey = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the kernel's shared test helpers (a test-jar on the ITs' class path) are tests too
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.latchkey");
    }

    @Test
    void module_slices_should_be_free_of_cycles() {
        slices().matching("dev.latchkey.(*)..").should().beFreeOfCycles().check(latchkey);
    }

    @Test
    void nothing_outside_a_module_should_touch_its_internals() {
        for (String module : new String[] {"kernel", "identity", "session", "oauth"}) {
            ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.latchkey." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("dev.latchkey." + module + ".internal..")
                    .as(module + "_internals_should_stay_inside_" + module);
            rule.check(latchkey);
        }
    }

    @Test
    void kernel_should_depend_on_no_other_module() {
        noClasses().that().resideInAPackage("dev.latchkey.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.latchkey.identity..", "dev.latchkey.session..",
                        "dev.latchkey.oauth..", "dev.latchkey.server..")
                .check(latchkey);
    }

    @Test
    void identity_should_depend_only_on_kernel() {
        noClasses().that().resideInAPackage("dev.latchkey.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.latchkey.session..", "dev.latchkey.oauth..",
                        "dev.latchkey.server..")
                .check(latchkey);
    }

    @Test
    void session_should_depend_only_on_kernel() {
        noClasses().that().resideInAPackage("dev.latchkey.session..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.latchkey.identity..", "dev.latchkey.oauth..",
                        "dev.latchkey.server..")
                .check(latchkey);
    }

    @Test
    void no_module_should_depend_on_the_server() {
        noClasses().that().resideInAnyPackage("dev.latchkey.kernel..", "dev.latchkey.identity..",
                        "dev.latchkey.session..", "dev.latchkey.oauth..")
                .should().dependOnClassesThat().resideInAPackage("dev.latchkey.server..")
                .check(latchkey);
    }

    @Test
    void events_should_be_records() {
        classes().that().resideInAPackage("dev.latchkey.*.events..").and().areNotInterfaces().and().areNotEnums()
                .and().doNotHaveSimpleName("package-info")
                .should().beRecords()
                .check(latchkey);
    }

    @Test
    void api_and_events_should_not_depend_on_persistence_or_web() {
        noClasses().that().resideInAnyPackage("dev.latchkey.*.api..", "dev.latchkey.*.events..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.ws.rs..",
                        "redis.clients..")
                .check(latchkey);
    }

    @Test
    void resources_should_live_in_web_packages() {
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().resideInAnyPackage("dev.latchkey.*.internal.web..", "dev.latchkey.server.web..")
                .check(latchkey);
    }

    @Test
    void only_persistence_packages_should_use_jpa() {
        noClasses().that().resideOutsideOfPackage("..internal.persistence..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                .check(latchkey);
    }

    @Test
    void only_the_kernel_store_should_talk_to_redis() {
        noClasses().that().resideOutsideOfPackage("dev.latchkey.kernel.internal.store..")
                .should().dependOnClassesThat().resideInAPackage("redis.clients..")
                .check(latchkey);
    }

    @Test
    void resources_should_not_open_transactions() {
        noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().beAnnotatedWith(jakarta.transaction.Transactional.class)
                .check(latchkey);
    }
}
