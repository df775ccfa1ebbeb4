package org.tokenomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tokenomics.testing.JavaBuild;

/**
 * A fresh Maven host that depends on the library gets exactly one jar. The POM that {@code mvn
 * install} would publish (this project's pom.xml) and the library jar are laid out as a
 * repository; a one-dependency host project resolves against it with an empty local repository,
 * plugins coming from the machine's own local repository (so no network is needed).
 */
class MavenHostIT {

  @Test
  void aHostGetsTheLibraryAlone() throws Exception {
    Path work = JavaBuild.project().resolve("target/it-maven-host");
    JavaBuild.delete(work);
    String version = LibraryJarIT.libraryJar().getFileName().toString().replaceAll("^tok-|\\.jar$", "");
    Path published = Files.createDirectories(work.resolve("repo/org/tokenomics/tok/" + version));
    Files.copy(JavaBuild.project().resolve("pom.xml"), published.resolve("tok-" + version + ".pom"));
    Files.copy(LibraryJarIT.libraryJar(), published.resolve("tok-" + version + ".jar"));
    Path userRepo = Path.of(System.getProperty("user.home"), ".m2", "repository");
    Path host = Files.createDirectories(work.resolve("host"));
    Files.writeString(host.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId><artifactId>host</artifactId><version>1</version>
          <dependencies>
            <dependency><groupId>org.tokenomics</groupId><artifactId>tok</artifactId><version>%s</version></dependency>
          </dependencies>
          <repositories>
            <repository><id>central</id><url>%s</url></repository>
            <repository><id>tok</id><url>%s</url><snapshots><enabled>true</enabled></snapshots></repository>
          </repositories>
          <pluginRepositories><pluginRepository><id>central</id><url>%2$s</url></pluginRepository></pluginRepositories>
          <build><plugins><plugin>
            <groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.6.1</version>
          </plugin></plugins></build>
        </project>
        """.formatted(version, userRepo.toUri(), work.resolve("repo").toUri()));
    Path list = work.resolve("dependencies.txt");
    Process mvn = new ProcessBuilder("mvn", "-B", "-q", "-Dmaven.repo.local=" + work.resolve("m2"),
        "dependency:list", "-DoutputFile=" + list, "-DincludeScope=runtime")
        .directory(host.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("mvn.log").toFile()).start();
    assertTrue(mvn.waitFor(3, TimeUnit.MINUTES), "mvn dependency:list finishes");
    assertEquals(0, mvn.exitValue(), () -> read(work.resolve("mvn.log")));
    List<String> resolved = Files.readAllLines(list, StandardCharsets.UTF_8).stream()
        .map(String::strip).filter(l -> l.matches("[\\w.-]+:[\\w.-]+:.*")).toList();
    assertEquals(1, resolved.size(), "a host gets one jar: " + resolved);
    assertTrue(resolved.get(0).startsWith("org.tokenomics:tok:jar:" + version + ":compile"), resolved.get(0));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
