package org.dgov.vocab;

import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The dgov ontology's terms, named exactly as in {@code ontology/dgov.ttl}. */
public final class DGOV {

  /** Namespace of ontology terms. */
  public static final String NS = "https://w3id.org/dgov/ontology#";

  /** Namespace of curated resources. */
  public static final String ID = "https://w3id.org/dgov/id/";

  /** Namespace of SHACL shapes. */
  public static final String SHAPES = "https://w3id.org/dgov/shapes#";

  /**
   * The form of a curated resource's slug, the part of its IRI after {@link #ID}: lower-case ASCII
   * words joined by hyphens. The shapes' IRI patterns say the same; a test keeps them equal.
   */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** The ontology's own IRI. */
  public static final Resource ontology =
      ResourceFactory.createResource("https://w3id.org/dgov/ontology");

  public static final Resource Actor = resource("Actor");
  public static final Resource State = resource("State");
  public static final Resource Organization = resource("Organization");
  public static final Resource IntergovernmentalOrganization =
      resource("IntergovernmentalOrganization");
  public static final Resource MultistakeholderOrganization =
      resource("MultistakeholderOrganization");
  public static final Resource StandardsOrganization = resource("StandardsOrganization");
  public static final Resource InternetResourceOrganization =
      resource("InternetResourceOrganization");
  public static final Resource TechnologyAlliance = resource("TechnologyAlliance");
  public static final Resource GovernmentBody = resource("GovernmentBody");
  public static final Resource Company = resource("Company");
  public static final Resource Forum = resource("Forum");
  public static final Resource GovernanceMechanism = resource("GovernanceMechanism");
  public static final Resource Instrument = resource("Instrument");
  public static final Resource ResearchOrganization = resource("ResearchOrganization");
  public static final Resource CivilSocietyOrganization = resource("CivilSocietyOrganization");
  public static final Resource Agreement = resource("Agreement");
  public static final Resource Declaration = resource("Declaration");
  public static final Resource Roadmap = resource("Roadmap");
  public static final Resource Law = resource("Law");
  public static final Resource Strategy = resource("Strategy");
  public static final Resource PositionPaper = resource("PositionPaper");
  public static final Resource Report = resource("Report");
  public static final Resource Resolution = resource("Resolution");
  public static final Resource Initiative = resource("Initiative");
  public static final Resource Standard = resource("Standard");
  public static final Resource Principle = resource("Principle");
  public static final Resource IssueLayer = resource("IssueLayer");
  public static final Resource Topic = resource("Topic");
  public static final Resource GovernanceMode = resource("GovernanceMode");
  public static final Resource Status = resource("Status");
  public static final Resource Event = resource("Event");
  public static final Resource Evidence = resource("Evidence");
  public static final Resource Area = resource("Area");
  public static final Resource Indicator = resource("Indicator");
  public static final Resource Unit = resource("Unit");
  public static final Resource BalancedRelation = resource("BalancedRelation");
  public static final Resource GlobalisationStage = resource("GlobalisationStage");
  public static final Resource Rule = resource("Rule");
  public static final Resource Derivation = resource("Derivation");

  public static final Resource Participation = resource("Participation");
  public static final Resource ParticipationRole = resource("ParticipationRole");

  public static final Resource Proposed = resource("Proposed");
  public static final Resource UnderNegotiation = resource("UnderNegotiation");
  public static final Resource Signed = resource("Signed");
  public static final Resource Adopted = resource("Adopted");
  public static final Resource InForce = resource("InForce");
  public static final Resource Superseded = resource("Superseded");

  public static final Resource PointValueStructure = resource("PointValueStructure");
  public static final Resource LowerBoundStructure = resource("LowerBoundStructure");

  public static final Property coversTopic = property("coversTopic");
  public static final Property promotesPrinciple = property("promotesPrinciple");
  public static final Property governanceMode = property("governanceMode");
  public static final Property hasParty = property("hasParty");
  public static final Property adoptedBy = property("adoptedBy");
  public static final Property adoptedAt = property("adoptedAt");
  public static final Property status = property("status");
  public static final Property evidence = property("evidence");
  public static final Property attests = property("attests");
  public static final Property dateSigned = property("dateSigned");
  public static final Property dateAdopted = property("dateAdopted");
  public static final Property dateEnteredIntoForce = property("dateEnteredIntoForce");
  public static final Property datePublished = property("datePublished");
  public static final Property page = property("page");
  public static final Property quote = property("quote");
  public static final Property iso3166Alpha2 = property("iso3166Alpha2");
  public static final Property iso3166Alpha3 = property("iso3166Alpha3");
  public static final Property iso3166Numeric = property("iso3166Numeric");
  public static final Property m49Code = property("m49Code");
  public static final Property indicator = property("indicator");
  public static final Property date = property("date");
  public static final Property convenedBy = property("convenedBy");
  public static final Property attendedBy = property("attendedBy");
  public static final Property established = property("established");
  public static final Property draftedBy = property("draftedBy");
  public static final Property order = property("order");
  public static final Property byRule = property("byRule");
  public static final Property via = property("via");
  public static final Property constructQuery = property("constructQuery");

  // Official identifiers: literal-valued subproperties of dcterms:identifier, and the ELI IRI.
  public static final Property celex = property("celex");
  public static final Property ecli = property("ecli");
  public static final Property eli = property("eli");
  public static final Property unSymbol = property("unSymbol");
  public static final Property untsNumber = property("untsNumber");
  public static final Property cetsNumber = property("cetsNumber");
  public static final Property usPublicLaw = property("usPublicLaw");
  public static final Property executiveOrder = property("executiveOrder");
  public static final Property doi = property("doi");
  public static final Property nationalNumber = property("nationalNumber");
  public static final Property oecdLegalInstrument = property("oecdLegalInstrument");
  public static final Property usBill = property("usBill");
  public static final Property isbn = property("isbn");
  public static final Property wtoSymbol = property("wtoSymbol");

  public static final Property participant = property("participant");
  public static final Property inInstrument = property("inInstrument");
  public static final Property role = property("role");
  public static final Property dateRatified = property("dateRatified");
  public static final Property dateWithdrawn = property("dateWithdrawn");
  public static final Property dateApplied = property("dateApplied");
  public static final Property memberListComplete = property("memberListComplete");
  public static final Property partyListComplete = property("partyListComplete");

  public static final Property obsLowerBound = property("obsLowerBound");

  // The paper's claim and the record: a discrepancy node holds the paper's value beside the
  // record's.
  public static final Resource Discrepancy = resource("Discrepancy");
  public static final Property hasDiscrepancy = property("hasDiscrepancy");
  public static final Property concernsProperty = property("concernsProperty");
  public static final Property paperValue = property("paperValue");
  public static final Property recordValue = property("recordValue");
  public static final Property dateOfApplication = property("dateOfApplication");

  private DGOV() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
