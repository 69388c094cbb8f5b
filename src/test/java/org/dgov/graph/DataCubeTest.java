package org.dgov.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.dgov.Shared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The statistics are well-formed RDF Data Cubes: none of the integrity constraints of the W3C
 * Recommendation "The RDF Data Cube Vocabulary" (2014, section 11.1) fires on what is served. The
 * ASK queries below are the Recommendation's own (IC-1 to IC-19; IC-20 and IC-21 are templates for
 * hierarchical code lists, which the graph has none of). They run on the served graph, whose RDFS
 * closure does the normalisation of section 10 that they presume (qb:dimension, qb:measure and
 * qb:attribute are subproperties of qb:componentProperty in the ontology).
 */
@ExtendWith(Shared.class)
class DataCubeTest {

  private static final String PREFIXES =
      """
      PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      PREFIX qb: <http://purl.org/linked-data/cube#>
      PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
      PREFIX owl: <http://www.w3.org/2002/07/owl#>
      """;

  /** The integrity constraints, each an ASK that is true when the constraint is violated. */
  static final Map<String, String> CONSTRAINTS = new LinkedHashMap<>();

  static {
    CONSTRAINTS.put(
        "IC-1 Unique DataSet",
        """
        ASK {
          { ?obs a qb:Observation . FILTER NOT EXISTS { ?obs qb:dataSet ?dataset1 . } }
          UNION
          { ?obs a qb:Observation ; qb:dataSet ?dataset1, ?dataset2 . FILTER (?dataset1 != ?dataset2) }
        }""");
    CONSTRAINTS.put(
        "IC-2 Unique DSD",
        """
        ASK {
          { ?dataset a qb:DataSet . FILTER NOT EXISTS { ?dataset qb:structure ?dsd . } }
          UNION
          { ?dataset a qb:DataSet ; qb:structure ?dsd1, ?dsd2 . FILTER (?dsd1 != ?dsd2) }
        }""");
    CONSTRAINTS.put(
        "IC-3 DSD includes measure",
        """
        ASK {
          ?dsd a qb:DataStructureDefinition .
          FILTER NOT EXISTS { ?dsd qb:component [qb:componentProperty [a qb:MeasureProperty]] }
        }""");
    CONSTRAINTS.put(
        "IC-4 Dimensions have range",
        """
        ASK { ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?dim rdfs:range [] } }""");
    CONSTRAINTS.put(
        "IC-5 Concept dimensions have code lists",
        """
        ASK {
          ?dim a qb:DimensionProperty ; rdfs:range skos:Concept .
          FILTER NOT EXISTS { ?dim qb:codeList [] }
        }""");
    CONSTRAINTS.put(
        "IC-6 Only attributes may be optional",
        """
        ASK {
          ?dsd qb:component ?componentSpec .
          ?componentSpec qb:componentRequired "false"^^xsd:boolean ; qb:componentProperty ?component .
          FILTER NOT EXISTS { ?component a qb:AttributeProperty }
        }""");
    CONSTRAINTS.put(
        "IC-7 Slice Keys must be declared",
        """
        ASK {
          ?sliceKey a qb:SliceKey .
          FILTER NOT EXISTS { [a qb:DataStructureDefinition] qb:sliceKey ?sliceKey }
        }""");
    CONSTRAINTS.put(
        "IC-8 Slice Keys consistent with DSD",
        """
        ASK {
          ?slicekey a qb:SliceKey; qb:componentProperty ?prop .
          ?dsd qb:sliceKey ?slicekey .
          FILTER NOT EXISTS { ?dsd qb:component [qb:componentProperty ?prop] }
        }""");
    CONSTRAINTS.put(
        "IC-9 Unique slice structure",
        """
        ASK {
          { ?slice a qb:Slice . FILTER NOT EXISTS { ?slice qb:sliceStructure ?key } }
          UNION
          { ?slice a qb:Slice ; qb:sliceStructure ?key1, ?key2; FILTER (?key1 != ?key2) }
        }""");
    CONSTRAINTS.put(
        "IC-10 Slice dimensions complete",
        """
        ASK {
          ?slice qb:sliceStructure [qb:componentProperty ?dim] .
          FILTER NOT EXISTS { ?slice ?dim [] }
        }""");
    CONSTRAINTS.put(
        "IC-11 All dimensions required",
        """
        ASK {
          ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
          ?dim a qb:DimensionProperty;
          FILTER NOT EXISTS { ?obs ?dim [] }
        }""");
    CONSTRAINTS.put(
        "IC-12 No duplicate observations",
        """
        ASK {
          FILTER( ?allEqual )
          {
            SELECT (MIN(?equal) AS ?allEqual) WHERE {
              ?obs1 qb:dataSet ?dataset .
              ?obs2 qb:dataSet ?dataset .
              FILTER (?obs1 != ?obs2)
              ?dataset qb:structure/qb:component/qb:componentProperty ?dim .
              ?dim a qb:DimensionProperty .
              ?obs1 ?dim ?value1 .
              ?obs2 ?dim ?value2 .
              BIND( ?value1 = ?value2 AS ?equal)
            } GROUP BY ?obs1 ?obs2
          }
        }""");
    CONSTRAINTS.put(
        "IC-13 Required attributes",
        """
        ASK {
          ?obs qb:dataSet/qb:structure/qb:component ?component .
          ?component qb:componentRequired "true"^^xsd:boolean ; qb:componentProperty ?attr .
          FILTER NOT EXISTS { ?obs ?attr [] }
        }""");
    CONSTRAINTS.put(
        "IC-14 All measures present",
        """
        ASK {
          ?obs qb:dataSet/qb:structure ?dsd .
          FILTER NOT EXISTS { ?dsd qb:component/qb:componentProperty qb:measureType }
          ?dsd qb:component/qb:componentProperty ?measure .
          ?measure a qb:MeasureProperty;
          FILTER NOT EXISTS { ?obs ?measure [] }
        }""");
    CONSTRAINTS.put(
        "IC-15 Measure dimension consistent",
        """
        ASK {
          ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure .
          ?dsd qb:component/qb:componentProperty qb:measureType .
          FILTER NOT EXISTS { ?obs ?measure [] }
        }""");
    CONSTRAINTS.put(
        "IC-16 Single measure on measure dimension observation",
        """
        ASK {
          ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure ; ?omeasure [] .
          ?dsd qb:component/qb:componentProperty qb:measureType ;
               qb:component/qb:componentProperty ?omeasure .
          ?omeasure a qb:MeasureProperty .
          FILTER (?omeasure != ?measure)
        }""");
    CONSTRAINTS.put(
        "IC-17 All measures present in measures dimension cube",
        """
        ASK {
          {
            SELECT ?numMeasures (COUNT(?obs2) AS ?count) WHERE {
              {
                SELECT ?dsd (COUNT(?m) AS ?numMeasures) WHERE {
                  ?dsd qb:component/qb:componentProperty ?m.
                  ?m a qb:MeasureProperty .
                } GROUP BY ?dsd
              }
              ?obs1 qb:dataSet/qb:structure ?dsd; qb:dataSet ?dataset ; qb:measureType ?m1 .
              ?obs2 qb:dataSet ?dataset ; qb:measureType ?m2 .
              FILTER NOT EXISTS {
                ?dsd qb:component/qb:componentProperty ?dim .
                FILTER (?dim != qb:measureType)
                ?dim a qb:DimensionProperty .
                ?obs1 ?dim ?v1 .
                ?obs2 ?dim ?v2.
                FILTER (?v1 != ?v2)
              }
            } GROUP BY ?obs1 ?numMeasures
              HAVING (?count != ?numMeasures)
          }
        }""");
    CONSTRAINTS.put(
        "IC-18 Consistent data set links",
        """
        ASK {
          ?dataset qb:slice ?slice .
          ?slice qb:observation ?obs .
          FILTER NOT EXISTS { ?obs qb:dataSet ?dataset . }
        }""");
    CONSTRAINTS.put(
        "IC-19 Codes from code list (concept scheme)",
        """
        ASK {
          ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
          ?dim a qb:DimensionProperty ; qb:codeList ?list .
          ?list a skos:ConceptScheme .
          ?obs ?dim ?v .
          FILTER NOT EXISTS { ?v a skos:Concept ; skos:inScheme ?list }
        }""");
    CONSTRAINTS.put(
        "IC-19 Codes from code list (collection)",
        """
        ASK {
          ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
          ?dim a qb:DimensionProperty ; qb:codeList ?list .
          ?list a skos:Collection .
          ?obs ?dim ?v .
          FILTER NOT EXISTS { ?v a skos:Concept . ?list skos:member+ ?v }
        }""");
  }

  private static Graph served;

  @BeforeAll
  static void load(CuratedGraph curated) {
    served = Inference.closure(curated);
  }

  @Test
  void theGraphHoldsDataCubes() {
    assertTrue(
        ask(
            served,
            "ASK { ?ds a qb:DataSet ; qb:structure ?dsd . ?obs qb:dataSet ?ds . ?dsd a"
                + " qb:DataStructureDefinition }"));
  }

  @Test
  void noIntegrityConstraintFires() {
    assertEquals(List.of(), fired(served), "RDF Data Cube integrity constraints violated");
  }

  @Test
  void aDataSetWithoutStructureFiresIc2() {
    assertEquals(List.of("IC-2 Unique DSD"), fired(with("dgr:extra-data-set a qb:DataSet .")));
  }

  @Test
  void anObservationWithoutUnitFiresIc13() {
    assertEquals(
        List.of("IC-13 Required attributes"),
        fired(
            with(
                """
                dgr:extra-observation a qb:Observation ;
                  qb:dataSet dgr:dataset-figure-2-global-network-coverage ;
                  sdmx-dimension:refArea dgr:world ;
                  sdmx-dimension:refPeriod "2030"^^xsd:gYear ;
                  dgov:indicator dgr:active-mobile-broadband-penetration ;
                  sdmx-measure:obsValue 50.0 .""")));
  }

  @Test
  void aLowerBoundInAPointValueDataSetFiresIc14() {
    assertEquals(
        List.of("IC-14 All measures present"),
        fired(
            with(
                """
                dgr:extra-observation a qb:Observation ;
                  qb:dataSet dgr:dataset-figure-2-global-network-coverage ;
                  sdmx-dimension:refArea dgr:world ;
                  sdmx-dimension:refPeriod "2030"^^xsd:gYear ;
                  dgov:indicator dgr:active-mobile-broadband-penetration ;
                  sdmx-attribute:unitMeasure dgr:unit-percent ;
                  dgov:obsLowerBound 50.0 .""")));
  }

  @Test
  void aRepeatedObservationFiresIc12() {
    assertEquals(
        List.of("IC-12 No duplicate observations"),
        fired(
            with(
                """
                dgr:extra-observation a qb:Observation ;
                  qb:dataSet dgr:dataset-figure-2-global-network-coverage ;
                  sdmx-dimension:refArea dgr:world ;
                  sdmx-dimension:refPeriod "2015"^^xsd:gYear ;
                  dgov:indicator dgr:active-mobile-broadband-penetration ;
                  sdmx-attribute:unitMeasure dgr:unit-percent ;
                  sdmx-measure:obsValue 44.6 .""")));
  }

  static List<String> fired(Graph graph) {
    return CONSTRAINTS.entrySet().stream()
        .filter(c -> ask(graph, c.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static boolean ask(Graph graph, String ask) {
    Model model = ModelFactory.createModelForGraph(graph);
    try (var exec = QueryExecutionFactory.create(PREFIXES + ask, model)) {
      return exec.execAsk();
    }
  }

  /** The served graph with some statements added (an observation typed by its data set). */
  private static Graph with(String turtle) {
    Graph graph = GraphFactory.createDefaultGraph();
    served.find().forEach(graph::add);
    RDFParser.fromString(
            """
            PREFIX dgov: <https://w3id.org/dgov/ontology#>
            PREFIX dgr: <https://w3id.org/dgov/id/>
            PREFIX qb: <http://purl.org/linked-data/cube#>
            PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
            PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
            PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            """
                + turtle,
            Lang.TURTLE)
        .parse(graph);
    return graph;
  }
}
