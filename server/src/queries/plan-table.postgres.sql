select "c"."prefecture_code", "c"."area_class", case when c.build_year <= 2000 then 'before' else 'after' end as "bucket", count(*) as "communities", sum("c"."households") as "households", sum("c"."buildings") as "buildings", sum("c"."floor_area_centi") as "floor_area_centi", sum("c"."investment_yuan") as "investment_yuan" from "communities" as "c" where ("c"."region_path" >= $1 and "c"."region_path" < $2) and "c"."plan_year" = $3 and exists (select "pc"."project_id" from "project_communities" as "pc" inner join "projects" as "p" on "p"."id" = "pc"."project_id" where "pc"."community_id" = "c"."id" and "p"."pool" = $4) group by "c"."prefecture_code", "c"."area_class", case when c.build_year <= 2000 then 'before' else 'after' end;

select "code", "name", "path", "parent_code", "level" from "regions" where "parent_code" = $1 and "level" = $2 order by "code";

select "contact_name", "contact_phone" from "declarations" where "unit_code" = $1 and "plan_year" = $2;

select * from "plan_policies" where "plan_year" <= $1 order by "plan_year" desc limit $2;

select * from "regions" where "code" = $1;
