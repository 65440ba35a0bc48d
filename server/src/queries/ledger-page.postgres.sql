select "c".* from "communities" as "c" where (("c"."region_path" >= $1 and "c"."region_path" < $2) and ("c"."name" like $3 escape '\' or "c"."address" like $4 escape '\' or "c"."name_key" like $5 escape '\')) order by "c"."name" asc, "c"."id" asc limit $6 offset $7;

select * from "plan_policies" order by "plan_year" desc;

select * from "regions" where "code" = $1;

select count(*) as "count", coalesce(sum("c"."households"), 0) as "households", coalesce(sum("c"."buildings"), 0) as "buildings", coalesce(sum("c"."floor_area_centi"), 0) as "floor_area_centi", coalesce(sum("c"."investment_yuan"), 0) as "investment_yuan" from "communities" as "c" where (("c"."region_path" >= $1 and "c"."region_path" < $2) and ("c"."name" like $3 escape '\' or "c"."address" like $4 escape '\' or "c"."name_key" like $5 escape '\'));
